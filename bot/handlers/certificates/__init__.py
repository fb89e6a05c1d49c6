"""Certificates after the event in the chat: the issuing job (each due certificate written
once, sent through the outbox) and the committee's /sertifikat (summary, details with the
PDF, revoke, reissue); a holder's /sertifikat_saya (their certificate again)."""
