import { Text, View } from '@tarojs/components';
import { feeQuote, type FeeInput, type FeeQuote } from '@zwgk/shared';
import './fee-computation.css';

/** The fee quote of the shared function (国办函〔2020〕109号), or the reason there is none. */
export function quoteOf(input: FeeInput): { quote: FeeQuote } | { error: string } {
  try {
    return { quote: feeQuote(input) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : '无法计算' };
  }
}

/**
 * The amount with every step of its computation, exactly as the shared fee function writes them
 * (the same lines go into the fee notice the applicant receives).
 */
export function FeeComputation({ input }: { input: FeeInput }) {
  const result = quoteOf(input);
  if ('error' in result) return <Text className="st-fee__error">{result.error}</Text>;
  const { quote } = result;
  return (
    <View className="st-fee">
      {quote.steps.map((step, i) => (
        <Text key={i} className="st-fee__step">
          {step}
        </Text>
      ))}
      <View className="st-fee__total">
        <Text>应收金额</Text>
        <Text className="st-fee__amount" data-amount={quote.amount}>{`${quote.amount}元`}</Text>
      </View>
      {quote.amount === 0 ? <Text className="st-fee__note">不收费，无需发出收费通知。</Text> : null}
    </View>
  );
}
