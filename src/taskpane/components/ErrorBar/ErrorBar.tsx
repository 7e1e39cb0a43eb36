import { MessageBar, MessageBarBody, MessageBarTitle, MessageBarActions, Button } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export interface ErrorBarProps {
  message: string | null;
  onDismiss: () => void;
}

/** An Excel error, shown kindly: what went wrong and what to do, dismissible. */
export function ErrorBar({ message, onDismiss }: ErrorBarProps) {
  if (!message) return null;
  return (
    <MessageBar intent="error" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>Could not finish</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}
