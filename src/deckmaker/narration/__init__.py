"""The script spoken aloud, offline: which engine and voices speak it (`engines`), the talk read
slide by slide into one clock of measured seconds (`speak`), and ffmpeg turning that into an MP3
or, with the slides' pictures, an MP4 (`media`)."""
