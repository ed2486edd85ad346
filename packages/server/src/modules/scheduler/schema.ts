// The scheduler has no routes and answers nothing on the wire: its jobs and leases stay in the database.
