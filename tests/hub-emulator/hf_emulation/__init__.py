"""Emulation of `hf buckets import` (the huggingface_hub branch's behaviour) for the hub emulator's Jobs."""
