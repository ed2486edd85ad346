// No wire shapes: booking limits have no routes; they refuse bookings through the appointment and reception services.
export {};
