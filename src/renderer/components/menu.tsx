/**
 * A menu button: a button that opens a short list of actions (arrow keys, Enter, Esc).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button';

export interface MenuItem {
  id: string;
  label: string;
  hint?: string;
  onSelect: () => void;
  disabledReason?: string | null;
}

export interface MenuButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  label: ReactNode;
  items: MenuItem[];
  align?: 'start' | 'end';
}

export function MenuButton({
  label,
  items,
  align = 'start',
  ...buttonProps
}: MenuButtonProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent): void => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  useEffect(() => {
    if (open) list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  const close = (): void => {
    setOpen(false);
    wrapper.current?.querySelector<HTMLElement>('button')?.focus();
  };

  const choose = (item: MenuItem): void => {
    if (item.disabledReason) return;
    close();
    item.onSelect();
  };

  return (
    <div className="menu-wrapper" ref={wrapper}>
      <Button
        {...buttonProps}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setActive(0);
          setOpen((value) => !value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive(0);
            setOpen(true);
          }
        }}
      >
        {label}
      </Button>
      {open ? (
        <ul
          ref={list}
          id={menuId}
          role="menu"
          className={`menu menu-${align}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            } else if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((i) => (i + 1) % items.length);
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => (i - 1 + items.length) % items.length);
            } else if (event.key === 'Tab') {
              setOpen(false);
            }
          }}
        >
          {items.map((item, index) => (
            <li
              key={item.id}
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-disabled={item.disabledReason ? true : undefined}
              title={item.disabledReason ?? undefined}
              className="menu-item"
              onClick={() => choose(item)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  choose(item);
                }
              }}
            >
              <span className="menu-item-label">{item.label}</span>
              {item.disabledReason ? (
                <span className="menu-item-hint">{item.disabledReason}</span>
              ) : item.hint ? (
                <span className="menu-item-hint">{item.hint}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
