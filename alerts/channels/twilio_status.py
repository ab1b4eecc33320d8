"""What Twilio's status callbacks mean for a message: its MessageStatus and CallStatus
words, and the error code that says the recipient opted out. The delivery engine reads only the
provider-neutral `StatusReport`."""

from .base import StatusReport

# Twilio's MessageStatus values, by what they mean for a sent message.
DELIVERED_STATUSES = {"delivered", "read"}
FAILED_STATUSES = {"failed", "undelivered"}
#: "Attempt to send to unsubscribed recipient": the number answered STOP to our sender.
UNSUBSCRIBED_RECIPIENT = "21610"


def status_report(status: str, error_code: str = "") -> StatusReport:
    if status in DELIVERED_STATUSES:
        return StatusReport.delivered()
    if status in FAILED_STATUSES:
        reason = f"provider reports {status}" + (f" (error {error_code})" if error_code else "")
        return StatusReport.failed(reason, gone=error_code == UNSUBSCRIBED_RECIPIENT)
    return StatusReport.unchanged()  # queued / sending / sent / accepted: nothing new


# Twilio's CallStatus values at the end of a call.
CALL_REACHED = {"completed"}
CALL_NOT_REACHED = {"busy", "no-answer"}
CALL_FAILED = {"failed", "canceled"}


def call_status_report(status: str) -> StatusReport:
    """A voice call's final status: completed is delivered (a person or a voicemail took
    the message), busy and no answer are worth another call, failed is final."""
    if status in CALL_REACHED:
        return StatusReport.delivered()
    if status in CALL_NOT_REACHED:
        return StatusReport.retry(f"call {status}")
    if status in CALL_FAILED:
        return StatusReport.failed(f"call {status}")
    return StatusReport.unchanged()  # queued / ringing / in-progress
