/**
 * Seats per partner. A co-hosting partner may have seats of a session kept for its members;
 * registrations count against the partner whose key they came through, its reserved seats first.
 * The seats nobody reserved (capacity minus every reservation) are open to everyone, including a
 * partner whose reserved seats are full. Decisions are made with the session row locked.
 */

/** One partner's reservation on a session, with how many of its members hold a seat. */
export interface Reservation {
  organizationId: string;
  slug: string;
  seats: number;
  taken: number;
}

/** What seat decisions need of a session. */
export interface SeatCounts {
  capacity: number | null;
  registered: number;
  reservations: Reservation[];
}

/** SQL for a session's reservations as JSON (`s` is training_sessions). */
export const RESERVATIONS_SQL = `coalesce((select json_agg(json_build_object('organizationId', sp.organization_id, 'slug', o.slug, 'seats', sp.seats,
           'taken', (select count(*)::int from training_registrations r join partners pa on pa.id = r.partner_id
                      where r.session_id = s.id and r.status = 'registered' and pa.organization_id = sp.organization_id)) order by o.slug)
       from training_session_partners sp join organizations o on o.id = sp.organization_id
      where sp.session_id = s.id and sp.seats is not null), '[]'::json)`;

/** Open seats still free: capacity minus reservations minus seats held beyond a reservation (null: unlimited). */
export function openSeatsLeft(counts: SeatCounts): number | null {
  if (counts.capacity === null) return null;
  const reserved = counts.reservations.reduce((sum, r) => sum + r.seats, 0);
  const inReserved = counts.reservations.reduce((sum, r) => sum + Math.min(r.taken, r.seats), 0);
  const openTaken = counts.registered - inReserved;
  return Math.max(0, counts.capacity - reserved - openTaken);
}

/**
 * Seats a member of this partner organization could take now: its reserved seats left plus the
 * open ones (null: unlimited). Without an organization, the open seats only.
 */
export function seatsLeftFor(counts: SeatCounts, organizationId: string | undefined): number | null {
  const open = openSeatsLeft(counts);
  if (open === null) return null;
  const own = organizationId === undefined ? undefined : counts.reservations.find((r) => r.organizationId === organizationId);
  return open + (own ? Math.max(0, own.seats - own.taken) : 0);
}
