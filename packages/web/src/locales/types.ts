/** A locale's shape: the same keys as another, any strings. */
export type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };
