/**
 * The page the first-paint and renderer-heap figures open: the built renderer in its real
 * default layout (action bar with its Coaching menu, the insight line with its charts closed,
 * queue panel with one sparkline per skill), fed by the scripted core with 10,000 agents and a 12-skill shift.
 */

/** The skills of the center the default layout shows (charts, queue panel, sparklines). */
export const DEFAULT_LAYOUT_SKILLS = Array.from({ length: 12 }, (_, index) => ({
  id: index + 1,
  name: `Skill ${index + 1}`,
}));
