// The modules the errata integration provides to pages (see src/integrations/session-module.ts).
declare module 'virtual:errata/session' {
  export function session(): import('./lib/site/page-session.ts').PageSession;
}
