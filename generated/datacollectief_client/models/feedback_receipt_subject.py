from enum import StrEnum


class FeedbackReceiptSubject(StrEnum):
    COMPANY = "Company"
    CONTACT = "Contact"

    def __str__(self) -> str:
        return str(self.value)
