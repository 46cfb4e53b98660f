import type { ThemeConfig } from 'antd';

// Contrast ≥ 4.5:1 on white for text-bearing colours (GB/T 37668, WCAG AA).
const base: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    // A hovered or pressed default button shows its text in these: darker than antd's, to keep 4.5:1.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorError: '#c4161c',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    colorTextTertiary: '#595959',
    colorTextQuaternary: '#737373',
    colorTextPlaceholder: '#767676',
    borderRadius: 6,
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  },
};

/** 关怀模式: type ≥ 18pt (24px), line spacing 1.3, controls and tap targets ≥ 44px. */
const care: ThemeConfig = {
  token: {
    ...base.token,
    fontSize: 24,
    fontSizeSM: 20,
    fontSizeLG: 26,
    lineHeight: 1.3,
    controlHeight: 52,
    controlHeightSM: 44,
    controlHeightLG: 60,
  },
};

export const themeFor = (careMode: boolean): ThemeConfig => (careMode ? care : base);
