// Drag-and-drop of a scenario file anywhere on the page. While a file is dragged over the page an
// overlay says what dropping does (in words and with a dashed frame, not by colour alone). The
// picker (OpenScenarioFile) is the keyboard and screen-reader way to do the same.

import { useEffect } from 'react';
import { pushNotice } from '../../store/useSimStore';
import { setDragging, useLoadStore } from './loadStore';
import { openScenarioFile } from './openScenarioText';

const carriesFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function useFileDrop(): void {
  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; count them to know when the drag leaves the page.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without preventDefault the browser would open the file itself instead of dropping it here.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer?.files ?? []);
      const [file] = files;
      if (!file) return;
      if (files.length > 1) pushNotice('info', `${files.length} files were dropped; opening only the first, ${file.name}.`);
      void openScenarioFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

export function DropOverlay() {
  useFileDrop();
  const dragging = useLoadStore((s) => s.dragging);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-target">
        <svg viewBox="0 0 48 48" focusable="false">
          <path d="M24 6v26M14 22l10 10 10-10" fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M8 34v8h32v-8" fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <p className="drop-title">Drop to open this scenario file</p>
        <p className="drop-hint">JSON or YAML. It is checked first; if it has problems you get the list and the current scenario keeps running.</p>
      </div>
    </div>
  );
}
