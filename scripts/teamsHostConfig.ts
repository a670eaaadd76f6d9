/**
 * A host config that looks like Teams' light theme: Segoe UI, Teams' purple accent and status colours,
 * Teams' font sizes and spacing, and Teams' limit of six buttons per action bar
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format#adaptive-cards-overflow-menu).
 * Plain JSON, so the screenshot page and the rendering test use the same object.
 */
const foreground = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#FFFFFF', subtle: '#F5F5F5' },
  accent: { default: '#6264A7', subtle: '#8B8CC7' },
  good: { default: '#237B4B', subtle: '#237B4BCC' },
  warning: { default: '#835C00', subtle: '#835C00CC' },
  attention: { default: '#C4314B', subtle: '#C4314BCC' },
};

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: foreground });

export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: 'Segoe UI, system-ui, sans-serif',
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: style('#FFFFFF'),
    emphasis: style('#F5F5F5'),
    accent: style('#E8EBFA'),
    good: style('#E7F2DA'),
    warning: style('#FBF6D9'),
    attention: style('#FCF4F6'),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
  },
  adaptiveCard: { allowCustomStyle: true },
} as const;
