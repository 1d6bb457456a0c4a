/** Every job handler; importing this file registers them (the server and `shiftcast worker` both do). */
export {};
