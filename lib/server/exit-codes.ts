// Exit codes children use to tell the supervisor "configuration problem: do not restart me"
// (EX_CONFIG from sysexits.h): a port in use, missing provider settings.
export const EXIT_CONFIG = 78;
export const EXIT_PORT_IN_USE = EXIT_CONFIG;
