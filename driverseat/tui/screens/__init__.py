"""The app's screens: talk (the conversation), review, export, guide, and the calm
screens shown when the prep can't be opened."""
