import type { ChangeEvent, CSSProperties } from 'react';
import classes from './theme.module.css';

/** Mantine's Checkbox (default size, the theme's primary colour) as it renders, as custom properties. */
const rootStyle = {
  '--checkbox-radius': 'var(--mantine-radius-sm)',
  '--checkbox-color': 'var(--mantine-color-blue-filled)',
  '--checkbox-icon-color': 'var(--mantine-color-white)',
} as CSSProperties;

interface PlainCheckboxProps {
  'aria-label': string;
  checked: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/**
 * A list's per-row checkbox: the elements and classes Mantine's `Checkbox` renders (so the same
 * look and the same native input), without its theme and style-prop work on every row, which a
 * page of 25 rows paid on the way to the first row. `plain-checkbox.test.tsx` checks that it is
 * Mantine's markup.
 */
export function PlainCheckbox({ 'aria-label': label, checked, onChange }: PlainCheckboxProps) {
  return (
    <div
      style={rootStyle}
      className="m_bf2d988c mantine-Checkbox-root m_5f75b09e mantine-Checkbox-root"
      data-variant="filled"
      data-label-position="right"
      data-checked={checked || undefined}
    >
      <div className="m_5f6e695e mantine-Checkbox-body">
        <div className="m_26062bec mantine-Checkbox-inner" data-label-position="right">
          <input
            className={`mantine-focus-auto ${classes.control} m_26063560 mantine-Checkbox-input`}
            data-with-error-styles="true"
            aria-label={label}
            type="checkbox"
            checked={checked}
            onChange={onChange}
          />
          <svg
            viewBox="0 0 10 7"
            fill="none"
            xmlns="http://www.w3.org/2000/svg"
            aria-hidden="true"
            className="m_bf295423 mantine-Checkbox-icon"
          >
            <path
              d="M4 4.586L1.707 2.293A1 1 0 1 0 .293 3.707l3 3a.997.997 0 0 0 1.414 0l5-5A1 1 0 1 0 8.293.293L4 4.586z"
              fill="currentColor"
              fillRule="evenodd"
              clipRule="evenodd"
            />
          </svg>
        </div>
        <div className="m_d3ea56bb mantine-Checkbox-labelWrapper" />
      </div>
    </div>
  );
}
