# Evidence: the file store, the documents archive, the national export, the purge (English).

## The documents archive (ZIP)
archive-answers-file = Form answers
archive-index-sheet = File index
archive-col-number = Number
archive-col-unit = Unit
archive-col-title = Innovation
archive-col-source = Field / indicator
archive-col-original = Original file name
archive-col-path = Path in the archive
archive-col-size = Size (bytes)
archive-col-sha256 = SHA-256
archive-col-status = Note
archive-status-ok = Complete, checksum matches
archive-status-missing = Not in the file store
archive-status-pending = Not yet downloaded from Telegram
archive-status-checksum = The file's bytes do not match its checksum
archive-self-assessment = Self-assessment (Regional Innovation Index)
archive-col-indicator-number = No.
archive-col-indicator = Indicator
archive-col-level = Level
archive-col-validated = Validated
archive-col-weight = Weight
archive-col-evidence = Evidence
