from enum import StrEnum


class ContactNewResultStatus(StrEnum):
    ACCEPTED = "Accepted"
    DUPLICATE = "Duplicate"
    INCOMPLETE = "Incomplete"

    def __str__(self) -> str:
        return str(self.value)
