/** Placeholder until engineer B's `runsheet parse` lands (B owns and overwrites this file). */
import { EXIT, type CommandHandler } from "../io";

export const parseCommand: CommandHandler = (_argv, io) => {
  io.stderr("parse: not available yet\n");
  return Promise.resolve(EXIT.usage);
};
