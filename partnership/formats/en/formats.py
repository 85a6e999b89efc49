# Short dates in tables and lists: "1 Dec 2026" (English capitalises month abbreviations).
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
