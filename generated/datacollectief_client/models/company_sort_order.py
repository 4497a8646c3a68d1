from enum import StrEnum


class CompanySortOrder(StrEnum):
    CITY = "City"
    CITYDESC = "CityDesc"
    ID = "Id"
    IDDESC = "IdDesc"
    NAME = "Name"
    NAMEDESC = "NameDesc"
    ZIPCODE = "ZipCode"
    ZIPCODEDESC = "ZipCodeDesc"

    def __str__(self) -> str:
        return str(self.value)
