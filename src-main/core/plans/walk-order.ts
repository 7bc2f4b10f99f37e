import { addressOrder } from '../addresses/address';

/**
 * The order a controller walks a day's plan within one of its routes, as an ORDER BY over
 * metering_points `p` joined to its house `h`, street `st` and settlement `se` (addressJoins). A plan
 * over two routes is walked route by route (each is a walk task of its own), in the routes' numbers.
 *
 * Street by street, house by house, a building's apartments together: each street is one run and
 * its houses rise along it, so the controller never walks back along a street.
 *
 * The route's own walk sequence (metering_points.walk_seq, migration 14) is to replace the address
 * order here once it is on every route: the one place that says how a plan is walked.
 */
export const walkOrder = (point = 'p'): string => addressOrder(`${point}.apartment_key`);
