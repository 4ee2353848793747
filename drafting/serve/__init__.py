"""draft serve: the writer's desk in the browser (a form from the pack's schema, a live preview)."""
