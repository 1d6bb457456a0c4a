import { describe, expect, it } from 'vitest';
import { shiftTime } from '../../src/staffing/shift-time.ts';

// MANUAL R7 (5 min per full worked hour), R8 (shifts > 6 h carry a meal), R10 (10-minute briefing).
const settings = { hourlyBreakMinutes: 5, mealAfterShiftMinutes: 360, defaultMealMinutes: 60, briefingMinutesPerShift: 10, debriefMinutesPerShift: 0 };
const template = (minutes: number, meal?: number) => ({
  id: 'T', start: '09:00', minutes, floating: false, cannotBeFollowedBy: [], ...(meal ? { meal: { minutes: meal, from: '11:00', to: '14:00' } } : {}),
});

describe('where a shift’s minutes go', () => {
  it('a 9-hour shift with a 60-minute meal: 8 worked hours → 8 breaks of 5 min, 440 min on the phones, 550 paid', () => {
    expect(shiftTime(template(540, 60), settings)).toMatchObject({ mealMinutes: 60, breaks: 8, breakMinutes: 40, phoneMinutes: 440, paidMinutes: 550 });
  });

  it('exactly 6 hours carries no meal (R8 says more than 6 h); 6 h 30 min takes the default meal (near miss)', () => {
    expect(shiftTime(template(360), settings)).toMatchObject({ mealMinutes: 0, breaks: 6, phoneMinutes: 330 });
    expect(shiftTime(template(390), settings)).toMatchObject({ mealMinutes: 60, breaks: 5, phoneMinutes: 305 });
  });

  it('a 4-hour floating shift: 4 breaks, no meal', () => {
    expect(shiftTime(template(240), settings)).toMatchObject({ mealMinutes: 0, breakMinutes: 20, phoneMinutes: 220, paidMinutes: 250 });
  });
});
