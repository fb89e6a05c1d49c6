# The ballroom screen (PUBLIC_URL/layar), read from the back of the room.

screen-no-event = No event is loaded yet.
screen-now = On now
screen-next = Next
screen-nothing-now = No session right now.
screen-nothing-next = No more sessions.
screen-ended = The event has ended. Thank you.
screen-present = { $count } present
screen-winners = IGA winners
screen-winners-at = The winners are announced { $moment }.
screen-questions = Questions to the speakers
screen-no-questions = No approved questions yet.
screen-how-to-ask = Ask through the Telegram bot: send /ask, then «❓ Ask a question».
screen-unknown-title = Session not found
screen-unknown = Sorry, this event has no session at the address « { $key } ». Please check the address, or open the main screen at /layar.
