/** Control keys the console sends as whole lines (the headless console also accepts ^C / ^P^Q). */
export const CTRL_C = '\u0003';
export const CTRL_P_Q = '\u0010\u0011';
