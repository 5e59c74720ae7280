"""The machine: where files live, settings, logs, memory, the supervisor, image-check workers. No Qt."""
