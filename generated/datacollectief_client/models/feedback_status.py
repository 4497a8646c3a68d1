from enum import StrEnum


class FeedbackStatus(StrEnum):
    INPROGRESS = "InProgress"
    PROCESSED = "Processed"
    RECEIVED = "Received"
    REJECTED = "Rejected"

    def __str__(self) -> str:
        return str(self.value)
