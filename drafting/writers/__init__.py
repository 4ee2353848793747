"""Writers turn the document model into output bytes; they never see the data or templates."""
