"""Programme life: the tandem space, meetings, event registrations, reminders and closing."""
