"touch @MARKER@".execute()
