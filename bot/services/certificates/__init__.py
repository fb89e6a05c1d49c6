"""Certificates after the event: the sertifikat and piagam, their codes, PDFs, delivery through
the outbox, revocation and reissue, and what the public verification page shows."""
