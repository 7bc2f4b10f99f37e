import { addressOrder } from '../addresses/address';

/**
 * The order a controller walks a day's plan within one of its routes, as an ORDER BY over
 * metering_points `p` joined to its house `h`, street `st` and settlement `se` (addressJoins): the
 * route's walk sequence (metering_points.walk_seq, docs/domain.md "The walk sequence of a route"),
 * which a master fits to the ground — street by street, a building whole, never back along a street.
 * A plan over two routes is walked route by route (each is a walk task of its own), in the routes'
 * numbers. A point without a place (only a write past the core leaves one) comes after the placed
 * ones in address order, as a task formed by criteria puts it.
 */
export const walkOrder = (point = 'p'): string => `${point}.walk_seq IS NULL, ${point}.walk_seq, ${addressOrder(`${point}.apartment_key`)}`;
