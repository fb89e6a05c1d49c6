# Evidence: the file store, the documents archive, the national export, the purge (English).

command-purge-files = Delete the files of withdrawn entries (committee)

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

## Files in the entry form
evidence-files-kept = Files saved ({ $count }):
evidence-file-line = { $number }. 📎 { $name }
evidence-button-remove = 🗑 Remove { $number }. { $name }
evidence-button-next = ➡️ Next
evidence-link-kept = Link saved: { $url }
evidence-file-saved = File <b>{ $name }</b> saved. Send more files if there are any, then tap ➡️ Next.
evidence-file-removed = File <b>{ $name }</b> removed from this entry.
evidence-file-gone = That file is no longer part of this entry.
evidence-file-empty = File <b>{ $name }</b> is empty (0 bytes). Please send the file again with its content.
evidence-file-too-big = File <b>{ $name }</b> is too large ({ $size }): Telegram lets a bot download files up to { $limit } only. Please make it smaller (for example compress the PDF) or split it into several files.
evidence-file-not-type = File <b>{ $name }</b> is not a valid { $expected }: its content does not match its type, so it was not saved. Please send a genuine { $expected } file (for example save or export the document again as { $expected }).
evidence-video-link = Videos are not kept as files. Please upload the video (for example to YouTube or Google Drive) and send its link.

## The workbook's self-assessment sheet (Regional Innovation Index)
export-sheet-assessment = Self-assessment (IID)
export-col-iid-number = Indicator no.
export-col-iid-indicator = Indicator
export-col-iid-claimed = Level (self-assessed)
export-col-iid-validated = Validated level
export-col-iid-weight = Weight
export-col-iid-score = Score (weight × validated level, else self-assessed)
export-col-iid-evidence-files = Evidence files
export-col-iid-evidence-link = Evidence link

## The committee's tools
evidence-archive-wait = Preparing the documents archive (ZIP)… Please wait a moment.
evidence-archive-caption = Documents archive of { $edition } as of { $moment }: { $entries ->
        [one] { $entries } innovation
       *[other] { $entries } innovations
    }, { $documents ->
        [one] { $documents } file
       *[other] { $documents } files
    }; { $problems ->
        [one] { $problems } file
       *[other] { $problems } files
    } missing or damaged (see indeks.xlsx).
evidence-archive-too-big = The documents archive is { $size }, over what a bot may send ({ $limit }). Please download it from the committee's Workspace, or on the server run <code>iga-bot export --out files.zip</code>.
evidence-purge-nothing = No files of withdrawn entries; nothing to delete.
evidence-purge-ask = These files of { $entries ->
        [one] { $entries } withdrawn innovation
       *[other] { $entries } withdrawn innovations
    } will be <b>deleted for good</b> from the store ({ $count ->
        [one] { $count } file
       *[other] { $count } files
    }, { $size }):
evidence-purge-line = • { $entry }: { $name }
evidence-purge-line-shared = • { $entry }: { $name } (the same bytes belong to another entry and stay for it)
evidence-purge-more = … and { $count ->
        [one] { $count } more file
       *[other] { $count } more files
    }.
evidence-purge-button = 🗑 Delete { $count ->
        [one] { $count } file
       *[other] { $count } files
    }
evidence-purge-changed = The list of files has changed. Please send /purge_files again.
evidence-purge-done = { $count ->
        [one] { $count } file of withdrawn innovations was deleted
       *[other] { $count } files of withdrawn innovations were deleted
    } ({ $objects } from the store).
