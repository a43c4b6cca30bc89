-- Webhooks signed by the Standard Webhooks spec (webhook-id, webhook-timestamp, webhook-signature).
-- A standard secret is `whsec_` + base64 of random bytes, and the signing key is those bytes. The
-- secrets handed out before this were used as they are (their UTF-8 text is the key), and their
-- receivers hold them: they keep working with that key ("raw", as the standardwebhooks library
-- calls it), in the new header and in the deprecated CK-Signature alike.
alter table webhook_endpoints add column secret_format text not null default 'standard' check (secret_format in ('standard', 'raw'));
update webhook_endpoints set secret_format = 'raw';
