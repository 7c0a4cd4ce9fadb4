"""Widgets of the conversation screen: the answer area, the transcript, the section map."""
