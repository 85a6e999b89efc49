# Short dates in tables and lists: "1 dec 2026". Django's "M" capitalises Dutch month abbreviations ("1 Dec",
# "28 Mei"), which Dutch does not; "b" keeps them lower case.
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y H:i"
