import { Component, type ReactNode } from 'react';

interface Props {
  /** Shown instead of the children when they failed to load or render. */
  readonly fallback: ReactNode;
  readonly children: ReactNode;
}

/**
 * Around a part of the page that loads on demand (React.lazy): a failed fetch shows the fallback
 * in that place instead of taking the whole page down.
 */
export class ChunkBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
