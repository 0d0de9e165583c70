// Ant Design's table that scrolls sideways on narrow screens, its scrolling region reachable by keyboard.
import { useEffect, useRef } from 'react';
import { Table, type TableProps } from 'antd';

export function DataTable<T extends object>(props: TableProps<T> & { 'data-testid'?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body').forEach((el) => {
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    });
  });
  const { 'data-testid': testId, ...rest } = props;
  return (
    <div ref={ref} data-testid={testId} className="pdx-table">
      <Table<T> scroll={{ x: 'max-content' }} {...rest} />
    </div>
  );
}
