"""What Twilio's status callbacks mean for a message: its MessageStatus words and the
error code that says the recipient opted out. The delivery engine reads only the
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
