import { ApiProperty } from '@nestjs/swagger';
import type { PaymentRequest, PaymentReversalRequest } from '@fleet/shared/contracts';
import { IsCalendarDate, Trim } from '@fleet/server/platform';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export class PaymentBody implements PaymentRequest {
  @ApiProperty({ example: '2025-12-10', description: 'The day the payment counts for (China time)' })
  @IsCalendarDate()
  paidOn: string;

  @ApiProperty({ example: 9810000, description: 'Fen; at most the balance' })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  amountFen: number;

  @ApiProperty({ example: '国库集中支付凭证 2025-1207' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference: string;
}

export class ReversalBody implements PaymentReversalRequest {
  @ApiProperty({ example: '金额录入错误，应为 49,050.00 元' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
