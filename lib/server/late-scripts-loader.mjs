// The inline script that loads a public page's scripts once the page has been painted
// (lib/server/late-scripts.mjs). Plain JavaScript, one constant text, so that the page's policy
// allows exactly it by its hash (lib/server/csp.mjs).
export const LATE_SCRIPTS_LOADER = `(function(){var done=0;function load(){if(done)return;done=1;var s=document.head.querySelectorAll('script[type="text/x-late"][data-src]');for(var i=0;i<s.length;i++){var e=document.createElement('script');e.src=s[i].getAttribute('data-src');e.async=true;document.head.appendChild(e)}}requestAnimationFrame(function(){setTimeout(load,0)});setTimeout(load,2000)})()`
