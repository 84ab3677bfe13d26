// Exit codes children use to tell the supervisor "configuration problem: do not restart me".
export const EXIT_PORT_IN_USE = 78;
