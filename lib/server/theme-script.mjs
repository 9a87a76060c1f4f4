// The inline script that sets the theme before the first paint (components/site/theme-script.tsx).
// Plain JavaScript so the production server (server.mjs) can allow exactly this text by its hash.
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('theme');if(t!=='light'&&t!=='dark'){t=window.matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})()`
