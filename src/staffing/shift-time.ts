/**
 * Where the minutes of one shift go: meal (MANUAL R8: shifts longer than mealAfterShiftMinutes carry one, of the
 * template's length or defaultMealMinutes), hourly breaks (R7: one break inside each full worked hour, worked =
 * shift − meal), time on the phones (the rest), and the paid time around it (R10/TR4 briefing before, TR4
 * meeting after). Used to turn phone hours into paid hours and shifts into capacity.
 */
import type { ShiftTemplate } from '../domain/center-schema.ts';

export interface ShiftTimeSettings {
  hourlyBreakMinutes: number;
  mealAfterShiftMinutes: number;
  defaultMealMinutes: number;
  briefingMinutesPerShift: number;
  debriefMinutesPerShift: number;
}

export interface ShiftTime {
  template: string;
  shiftMinutes: number;
  mealMinutes: number;
  breaks: number;
  breakMinutes: number;
  phoneMinutes: number;
  briefingMinutes: number;
  debriefMinutes: number;
  /** shift + briefing + debrief: the paid minutes of one shift day. */
  paidMinutes: number;
}

export function shiftTime(template: ShiftTemplate, s: ShiftTimeSettings): ShiftTime {
  const mealMinutes = template.minutes > s.mealAfterShiftMinutes ? (template.meal?.minutes ?? s.defaultMealMinutes) : 0;
  const breaks = s.hourlyBreakMinutes > 0 ? Math.floor((template.minutes - mealMinutes) / 60) : 0;
  const breakMinutes = breaks * s.hourlyBreakMinutes;
  return {
    template: template.id,
    shiftMinutes: template.minutes,
    mealMinutes,
    breaks,
    breakMinutes,
    phoneMinutes: Math.max(0, template.minutes - mealMinutes - breakMinutes),
    briefingMinutes: s.briefingMinutesPerShift,
    debriefMinutes: s.debriefMinutesPerShift,
    paidMinutes: template.minutes + s.briefingMinutesPerShift + s.debriefMinutesPerShift,
  };
}
