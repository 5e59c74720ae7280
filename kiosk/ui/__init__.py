"""The Qt side: application start-up and the Python objects QML binds to."""
