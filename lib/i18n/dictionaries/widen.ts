/** A dictionary's shape with every string literal widened to string, for the other language. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
