// The part of autocannon the load test uses; the package ships no type declarations.
declare module 'autocannon' {
  type Options = {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    headers?: Record<string, string>
  }
  type Result = {
    errors: number
    timeouts: number
    non2xx: number
    requests: { total: number; average: number }
    latency: { p99: number }
    statusCodeStats?: Record<string, { count: number }>
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
