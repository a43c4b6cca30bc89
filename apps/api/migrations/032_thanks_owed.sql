-- The thank-you for a signature that counts at once leaves the signing call: sign_petition records
-- only that one is owed (a narrow row with one index and no foreign keys, where a `messages` row
-- costs its indexes, foreign keys and rule checks on every signature), and the message worker turns
-- owed thank-yous into messages in batches (services/messages/signature-thanks.ts), deleting each
-- owed row in the transaction that queues its message: one thank-you per signature.
-- The base URL is the request's, so the thank-you's links are the ones the signer's API handed out.
create table thanks_owed (
  signature_id  uuid primary key,
  base_url      text
);
